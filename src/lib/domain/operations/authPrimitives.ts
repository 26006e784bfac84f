// The few authentication primitives operations need (password hashing, TOTP checks), taken from
// `authentication/` in one place so operations do not depend on its module layout.
// Invariant: passwords are only ever stored as salted hashes.
export { hashPassword, verifyPassword } from '../authentication/passwords';
import { verifyTotp } from '../authentication/totp';
import type { CryptoPort } from '../authentication/crypto';

/** True when `code` is the device's TOTP code at `at` (±1 step, as AWS tolerates clock drift). */
export async function verifyMfaCode(crypto: CryptoPort, base32Secret: string, code: string, at: string): Promise<boolean> {
  return verifyTotp(crypto, base32Secret, code, at);
}
