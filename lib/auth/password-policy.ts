// Shared by the browser (form hints) and the server, so it imports nothing.
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
