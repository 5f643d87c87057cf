// The check digit of a qualified-invoice registration number (適格請求書発行事業者
// 登録番号, "T" and 13 digits). The 13 digits are a 法人番号 for a company, and
// for a sole trader a number the National Tax Agency assigns that never
// collides with one; both carry the 法人番号's check digit in front
// (法人番号の指定等に関する省令 第1条; 国税庁「法人番号の構成」): with P(n) the
// nth of the other 12 digits counted from the right and Q(n) 1 for odd n, 2
// for even n, the check digit is 9 − (Σ P(n)×Q(n) mod 9). A mistyped digit or
// two digits swapped change it, which is what catches a number copied wrong
// before it reaches an invoice a client cannot deduct tax on.

/** Whether the first of the 13 digits is the check digit of the other 12. `digits` must be 13 ASCII digits. */
export function registrationCheckDigitHolds(digits: string): boolean {
  let sum = 0;
  for (let n = 1; n <= 12; n += 1) {
    const digit = digits.charCodeAt(13 - n) - 48;
    sum += digit * (n % 2 === 1 ? 1 : 2);
  }
  return digits.charCodeAt(0) - 48 === 9 - (sum % 9);
}
