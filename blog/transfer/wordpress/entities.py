"""Squarespace's export writes some text outside CDATA as HTML rather than XML: titles with
HTML's named entities (``&mdash;``) and bare ampersands ("Jaw & headache"), which no XML
parser takes (WordPress's importer refuses the file too). The file is read through
``MendedXml``, which writes those as XML means them (``&#8212;``, ``&amp;``) and leaves the
rest, CDATA sections above all, byte for byte as it is.
"""

import io
import re
from html.entities import html5

XML_ENTITIES = {b"amp", b"lt", b"gt", b"quot", b"apos"}
TOKEN = re.compile(rb"<!\[CDATA\[|\]\]>|&(#[0-9]+;|#x[0-9a-fA-F]+;|([A-Za-z][A-Za-z0-9]{0,40});)?")
# The longest a token can be: a chunk's last bytes wait for the next when one may start
# there.
LONGEST = 48
CHUNK = 256 * 1024


def mend_reference(match):
    """What an ``&`` outside CDATA should have been written as."""
    if match[1] is None:
        return b"&amp;"  # a bare ampersand
    name = match[2]
    if name is None or name in XML_ENTITIES:
        return match[0]  # a character reference or one of XML's five
    text = html5.get(name.decode() + ";")
    if text is None:
        return b"&amp;" + match[1]  # no entity: the text it looks like
    return "".join(f"&#{ord(char)};" for char in text).encode()


class MendedXml(io.RawIOBase):
    """A binary file, read with HTML's entities and bare ampersands outside CDATA mended."""

    def __init__(self, raw):
        self.raw = raw
        self.in_cdata = False
        self.held = b""  # read, not mended yet: a token may go on in the next chunk
        self.ready = b""  # mended, not handed out yet

    def readable(self):
        return True

    def readinto(self, buffer):
        while not self.ready:
            chunk = self.raw.read(CHUNK)
            if not chunk:
                self.ready, self.held = self.mend(self.held), b""
                break
            data = self.held + chunk
            cut = self.safe_end(data)
            self.ready, self.held = self.mend(data[:cut]), data[cut:]
        size = min(len(buffer), len(self.ready))
        buffer[:size] = self.ready[:size]
        self.ready = self.ready[size:]
        return size

    @staticmethod
    def safe_end(data):
        """Where ``data`` can be cut with no token across the cut: before the first place in
        its last bytes where one may start (tokens hold no "&" or "<" but at their start,
        and "]]>" no other "]" than its own)."""
        tail = max(0, len(data) - LONGEST)
        found = [data.find(mark, tail) for mark in (b"&", b"<", b"]")]
        cut = min((start for start in found if start != -1), default=len(data))
        while cut > 0 and data[cut - 1 : cut] == b"]":
            cut -= 1
        return cut

    def mend(self, data):
        out, position = [], 0
        for match in TOKEN.finditer(data):
            token = match[0]
            if token == b"<![CDATA[":
                self.in_cdata = True
                continue
            if token == b"]]>":
                self.in_cdata = False
                continue
            if self.in_cdata:
                continue
            replacement = mend_reference(match)
            if replacement != token:
                out.append(data[position : match.start()])
                out.append(replacement)
                position = match.end()
        out.append(data[position:])
        return b"".join(out)

    def close(self):
        self.raw.close()
        super().close()
