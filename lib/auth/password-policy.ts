// Shared by the browser (form hints) and the server, so it imports nothing.
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
/** The rules for a new password in one sentence, for the hint beside the field (the server screens it too). */
export const NEW_PASSWORD_RULES = `${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters and hard to guess: not a common password, nor built on your name or email.`;
