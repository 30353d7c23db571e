/** A draft e-mail as an .eml file (opens in any mail program), and the equivalent mailto: link. */
export function emlFile(opts: { to: string; subject: string; body: string; date: Date }): Buffer {
  const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
  const wrapped = (b64(opts.body.replace(/\r?\n/g, '\r\n')).match(/.{1,76}/g) ?? []).join('\r\n');
  const headers = [
    'MIME-Version: 1.0',
    `Date: ${opts.date.toUTCString().replace('GMT', '+0000')}`,
    opts.to ? `To: ${sanitizeHeader(opts.to)}` : 'To: ',
    `Subject: =?UTF-8?B?${b64(sanitizeHeader(opts.subject))}?=`,
    // Outlook opens a message with this header as an unsent draft.
    'X-Unsent: 1',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
  ];
  return Buffer.from(headers.join('\r\n') + '\r\n\r\n' + wrapped + '\r\n', 'utf8');
}

/** Header values never carry line breaks (no header injection from a customer's name). */
function sanitizeHeader(s: string): string {
  return s.replace(/[\r\n]+/g, ' ');
}

export function mailtoLink(to: string, subject: string, body: string): string {
  const address = /^[^\s@,;?&]+@[^\s@,;?&]+$/.test(to) ? to : '';
  return `mailto:${encodeURIComponent(address).replace('%40', '@')}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
