// The corrupt class file, the missing dependency (missing.Bar, used by lib/lib.jar) and the source
// file JavaParser cannot parse (Escapes.java) each gave one WARN line naming them; the rest was
// analyzed, the reports written, and no stack trace printed.
def log = new File(basedir, 'build.log').text
def warns = log.readLines().findAll { it.startsWith('[WARNING] noescape: ') }
println "noescape warnings: ${warns}"
assert warns.count { it.contains('Broken.class') } == 1
assert warns.any { it.contains('Broken.class') && it.contains('not a class file') }
assert warns.count { it.contains('missing.Bar') } == 1
assert warns.any { it.contains('class missing.Bar not found (referenced from lib.Foo; a missing dependency?)') }
assert warns.count { it.contains('Escapes.java') } == 1
assert warns.any { it.contains('could not parse src/main/java/it/bad/Escapes.java (Lexical error at line 11') && it.contains('findings in it keep line-only positions') }
// Its finding is still reported, with the line from the bytecode.
assert log.contains('[WARNING] src/main/java/it/bad/Escapes.java:16: ')
assert log.contains('noescape 0.1.0-SNAPSHOT: 1 finding')
// noescape's own lines: no stack trace and no exception name (Maven's own download warnings are
// not ours to judge)
assert !log.contains('at dev.noescape.')
assert !warns.any { it.contains('Exception') }
assert new File(basedir, 'target/noescape/noescape.sarif').isFile()
assert new File(basedir, 'target/noescape/noescape.json').isFile()
return true
