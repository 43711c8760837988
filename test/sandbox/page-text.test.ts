/**
 * @jest-environment jsdom
 */
import { htmlToText } from '../../sandbox/page/text';

describe("the sandbox page's text of an HTML body", () => {
  it('keeps a blank line between paragraphs and drops script', () => {
    expect(
      htmlToText(
        '<html><body><p>Contact form submission.</p><script>alert(\'x\')</script><img src="x"><p>Message: <b>please call me</b> back.</p></body></html>',
      ),
    ).toBe('Contact form submission.\n\nMessage: please call me back.');
  });

  it("keeps Outlook's blank lines (<div><br></div>) and line breaks, without adding any", () => {
    expect(
      htmlToText('<div>Dear Alex,</div><div><br></div><div>Thank you.<br>Regards,<br></div><div>Paul</div>'),
    ).toBe('Dear Alex,\n\nThank you.\nRegards,\nPaul');
    expect(htmlToText('<div>a<br></div><div>b</div>')).toBe('a\nb');
    expect(htmlToText('a<br><br>b')).toBe('a\n\nb');
  });

  it('collapses spaces as a browser shows them, except in pre', () => {
    expect(htmlToText('<p>  one\n   two  </p>\n\n<p>three</p>')).toBe('one two\n\nthree');
    expect(htmlToText('<pre>x  y\nz</pre>')).toBe('x  y\nz');
  });
});
