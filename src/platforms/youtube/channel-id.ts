/** A YouTube channel id: "UC" + 22 characters, stable for the channel's life. */
export const CHANNEL_ID = /^UC[A-Za-z0-9_-]{22}$/;
