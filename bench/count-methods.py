#!/usr/bin/env python3
"""Counts the classes and methods (constructors and static initializers included) in jars.

Used by bench/scaling.sh to size its inputs. Reads each class file's header far enough to reach
methods_count (JVMS 4.1: constant pool, access flags, this/super, interfaces, fields with their
attributes); META-INF/ entries (multi-release versions, module-info) are left out, as the
analysis reads the base classes.

Usage: count-methods.py JAR...   prints "<jar>\t<classes>\t<methods>" per jar, then "total\t..."
"""
import struct
import sys
import zipfile

# Constant pool entry sizes after the tag byte (JVMS table 4.4-B); Long and Double take two slots.
_FIXED = {3: 4, 4: 4, 5: 8, 6: 8, 7: 2, 8: 2, 9: 4, 10: 4, 11: 4, 12: 4, 15: 3, 16: 2, 17: 4,
          18: 4, 19: 2, 20: 2}


def methods_count(data):
    u2 = lambda at: struct.unpack_from('>H', data, at)[0]
    p, n, i = 10, u2(8), 1
    while i < n:
        tag = data[p]
        if tag == 1:  # Utf8: u2 length, bytes
            p += 3 + u2(p + 1)
        elif tag in _FIXED:
            p += 1 + _FIXED[tag]
            i += 1 if tag in (5, 6) else 0
        else:
            raise ValueError('bad constant pool tag %d at %d' % (tag, p))
        i += 1
    p += 6  # access_flags, this_class, super_class
    p += 2 + 2 * u2(p)  # interfaces
    fields = u2(p)
    p += 2
    for _ in range(fields):
        attributes = u2(p + 6)
        p += 8
        for _ in range(attributes):
            p += 6 + struct.unpack_from('>I', data, p + 2)[0]
    return u2(p)


def count(jar):
    classes = methods = 0
    with zipfile.ZipFile(jar) as z:
        for name in z.namelist():
            if name.endswith('.class') and not name.startswith('META-INF/') \
                    and not name.endswith('module-info.class'):
                classes += 1
                methods += methods_count(z.read(name))
    return classes, methods


def main(jars):
    total_c = total_m = 0
    for jar in jars:
        c, m = count(jar)
        print('%s\t%d\t%d' % (jar, c, m))
        total_c += c
        total_m += m
    print('total\t%d\t%d' % (total_c, total_m))


if __name__ == '__main__':
    main(sys.argv[1:])
