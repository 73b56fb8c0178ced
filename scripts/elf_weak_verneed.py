#!/usr/bin/python3
"""Marks one version requirement (e.g. GLIBCXX_3.4.32) of an ELF64 little-endian shared library as weak
(VER_FLG_WEAK), so the dynamic loader does not refuse to load it when the providing library lacks that version.
Used by scripts/torchsharp-compat.sh after patchelf has cleared the only symbol that used the version.
Usage: elf_weak_verneed.py LIBRARY VERSION"""
import struct
import sys

path, version = sys.argv[1], sys.argv[2].encode()
data = bytearray(open(path, "rb").read())
assert data[:4] == b"\x7fELF" and data[4] == 2 and data[5] == 1, "ELF64 little-endian only"
shoff, = struct.unpack_from("<Q", data, 0x28)
shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x3A)
sections = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
SHT_GNU_verneed = 0x6FFFFFFE
changed = False
for sh in sections:
    if sh[1] != SHT_GNU_verneed:
        continue
    strtab = sections[sh[6]]  # sh_link: the string table of the names
    off, count = sh[4], sh[7]  # sh_offset, sh_info = number of Verneed entries
    for _ in range(count):
        vn_version, vn_cnt, vn_file, vn_aux, vn_next = struct.unpack_from("<HHIII", data, off)
        aux = off + vn_aux
        for _ in range(vn_cnt):
            vna_hash, vna_flags, vna_other, vna_name, vna_next = struct.unpack_from("<IHHII", data, aux)
            name_off = strtab[4] + vna_name
            name = bytes(data[name_off:data.index(0, name_off)])
            if name == version:
                struct.pack_into("<H", data, aux + 4, vna_flags | 0x2)
                changed = True
            aux += vna_next
            if vna_next == 0:
                break
        off += vn_next
        if vn_next == 0:
            break
if changed:
    open(path, "wb").write(data)
print(f"{path}: {version.decode()} {'marked weak' if changed else 'not required'}")
