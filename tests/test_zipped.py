"""The small ZIP writer behind the .docx writer, read back by zipfile."""
import io
import time
import zipfile

from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.writers.zipped import deflate, package

names = st.text(alphabet=st.sampled_from("abc/._[]附件"), min_size=1, max_size=12).filter(lambda n: not n.startswith("/"))


@settings(max_examples=40, deadline=None)
@given(st.dictionaries(names, st.binary(max_size=3000), min_size=1, max_size=6), st.booleans())
def test_zipfile_reads_back_every_part_in_order(parts, ahead):
    given_parts = {n: deflate(d) if ahead else d for n, d in parts.items()}
    with zipfile.ZipFile(io.BytesIO(package(given_parts))) as z:
        assert z.testzip() is None  # every CRC checks
        assert z.namelist() == list(parts)
        assert all(z.read(n) == d for n, d in parts.items())
        assert {i.compress_type for i in z.infolist()} == {zipfile.ZIP_DEFLATED}


def test_dates_and_mixed_parts():
    when = time.struct_time((2024, 3, 5, 14, 30, 20, 0, 0, -1))
    data = package({"a.xml": b"<a/>" * 100, "b/c.xml": deflate(b"x" * 1000)}, when)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.getinfo("a.xml").date_time == (2024, 3, 5, 14, 30, 20)
        assert z.read("b/c.xml") == b"x" * 1000
        assert z.getinfo("a.xml").compress_size < 100  # deflated, not stored
