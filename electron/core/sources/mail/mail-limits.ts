/**
 * Bounds that keep a hostile or broken mailbox from exhausting memory. A message or
 * attachment over a limit is still read as far as the limit and flagged as a problem, so
 * the DPO knows the answer may be incomplete for that message.
 */
export const mailLimits = {
  /** Largest message kept whole for parsing (Exchange's default limit is far below this). */
  maxMessageBytes: 64 * 1024 * 1024,
  /** An Outlook .msg is read whole (the format needs random access); larger ones are reported, not read. */
  maxMsgFileBytes: 512 * 1024 * 1024,
  /** A longer physical line is read in pieces (base64 without line breaks). */
  maxLineBytes: 1024 * 1024,
  /** Attached messages inside attached messages: deeper ones are listed, not opened. */
  maxAttachedMessageDepth: 5,
  /** MIME nesting passed to the parser; deeper structures are treated as broken. */
  maxMimeNesting: 50,
  /** Attachments larger than this are listed but their text is not extracted. */
  maxAttachmentTextBytes: 25 * 1024 * 1024,
  /** Extracted text per field is cut here; matching needs the words, not megabytes of them. */
  maxTextChars: 5_000_000,
} as const;
