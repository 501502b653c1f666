/**
 * The resident ID number rule of SPEC §2 (GB 11643-1999), checked before the activation form is
 * sent: 18 characters, the first 17 digits, a real birth date in positions 7–14, and the check
 * character `10X98765432`[Σ aᵢ·wᵢ mod 11] with weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2.
 * A lower-case `x` counts as `X` (the server upper-cases it too).
 */
const kWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const kCheckCharacters = '10X98765432'

/** What is wrong with `value`, or null when it is a valid ID number. */
export type IdNumberProblem = 'length' | 'digits' | 'birth_date' | 'check_digit'

/** The check character the first 17 digits call for. Pre: `first17` is 17 digits. */
export function idCheckCharacter(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * kWeights[i]!
  return kCheckCharacters[sum % 11]!
}

function validBirthDate(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4))
  const month = Number(yyyymmdd.slice(4, 6))
  const day = Number(yyyymmdd.slice(6, 8))
  const date = new Date(Date.UTC(year, month - 1, day))
  return (
    year >= 1900 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getTime() <= Date.now()
  )
}

export function idNumberProblem(value: string): IdNumberProblem | null {
  const id = value.trim().toUpperCase()
  if (id.length !== 18) return 'length'
  if (!/^\d{17}[\dX]$/.test(id)) return 'digits'
  if (!validBirthDate(id.slice(6, 14))) return 'birth_date'
  if (idCheckCharacter(id.slice(0, 17)) !== id[17]) return 'check_digit'
  return null
}
