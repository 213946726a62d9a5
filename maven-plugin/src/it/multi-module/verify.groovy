// Each module was analyzed with its own class path: B's allocation passed to A's Registry.keep
// escapes because of A's summary (read from A's jar, see below) (keep stores into a static field); the one passed to
// Registry.size, which keeps nothing, does not.
def slurp = { f -> new groovy.json.JsonSlurper().parse(new File(basedir, f)) }
def results = { m -> slurp("${m}/target/noescape/noescape.sarif").runs[0].results }
def a = results('a')
def b = results('b')
// A's one escape, the list its static initializer stores into KEPT, is an expected escape: left out
// unless asked for (expectedEscapes).
assert a.isEmpty() : "A: ${a*.message*.text}"
assert b.size() == 1 : "B: ${b*.message*.text}"
assert b[0].ruleId == 'HeapEscape'
assert b[0].message.text.contains('new StringBuilder("kept")')
assert b[0].message.text.contains('passed to Registry.keep: stored in static field Registry.KEPT')
assert b[0].locations[0].physicalLocation.artifactLocation.uri.endsWith('it/b/Client.java')
assert b[0].locations[0].physicalLocation.region.startLine == 8
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] src/main/java/it/b/Client.java:8:19: new StringBuilder("kept") escapes to heap')
assert !log.contains('StringBuilder("local")')
assert log.contains('noescape: no classes in target/classes, nothing to analyze')
// Reuse (issue 4): A's check wrote its summaries (into target/classes and its jar, which B's class
// path names); B's analysis used them instead of analyzing A's class again, and its finding above
// carries the reason from A's summary.
assert new File(basedir, 'a/target/classes/META-INF/noescape/summaries').text.contains('C it.a.Registry')
assert log.contains('noescape: wrote 3 method summaries to target/classes/META-INF/noescape/summaries, target/a-1.0.jar')
assert log.contains('noescape: used 2 method summaries shipped by 1 class path entry (1 class not re-analyzed)')
return true
