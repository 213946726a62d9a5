// Issue 5's two-module test. A's check wrote its summaries into target/classes and into its jar
// (check runs in verify, after package); B was compiled (after A was built: -T 2 keeps reactor order)
// with the noescape javac plugin, which read them from A's jar on javac's class path. The allocation
// B passes to Registry.size, which per A's summary keeps nothing, gets no HeapEscape warning; against
// A-plain (writeSummaries=false) the same code gets one, because the call is unknown there.
import java.util.zip.ZipFile

def text = { f -> new File(basedir, f).getText('UTF-8') }
def log = text('build.log')

// A ships its summaries, in the classes directory and in the jar.
def summaries = text('a/target/classes/META-INF/noescape/summaries')
assert summaries.startsWith('noescape-summaries 1 noescape ')
assert summaries.contains('C it.a.Registry\n')
assert summaries =~ /(?m)^M\tkeep\(java.lang.Object\)\t\.\tY\te;stored in static field Registry.KEPT$/
assert summaries =~ /(?m)^M\tsize\(java.lang.Object\)\t\.\tN\t-$/
def jar = new ZipFile(new File(basedir, 'a/target/a-1.0.jar'))
try {
  assert jar.getInputStream(jar.getEntry('META-INF/noescape/summaries')).getText('UTF-8') == summaries
} finally {
  jar.close()
}
// A-plain opted out.
assert !new File(basedir, 'a-plain/target/classes/META-INF/noescape/summaries').exists()
assert log.contains('noescape: wrote 3 method summaries to target/classes/META-INF/noescape/summaries, target/a-1.0.jar')

// The javac plugin's warnings (Error Prone, HeapEscape enabled): [line,column] per module.
def warnings = { String file ->
  (log =~ /(?m)^\[WARNING\] .*\Q${file}\E:\[(\d+),\d+\] \[HeapEscape\] (.*)$/).collect { [it[1] as int, it[2]] }
}
def b = warnings('b/src/main/java/it/b/Client.java')
def plain = warnings('b-plain/src/main/java/it/bplain/Client.java')
assert b.collect { it[0] } == [8] : "B: ${b}"
assert b[0][1].contains('stored in static field Registry.KEPT') : b[0][1]
assert plain.collect { it[0] }.sort() == [8, 12] : "B-plain: ${plain}"

// The bytecode analysis of B used A's summaries instead of analyzing A's class; B-plain lowered A-plain.
assert log.contains('noescape: used 2 method summaries shipped by 1 class path entry (1 class not re-analyzed)')
assert log.count('noescape: used ') == 1
def sarif = { m -> new groovy.json.JsonSlurper().parse(new File(basedir, "${m}/target/noescape/noescape.sarif")).runs[0].results }
assert sarif('b').collect { it.locations[0].physicalLocation.region.startLine } == [8]
assert sarif('b-plain').collect { it.locations[0].physicalLocation.region.startLine } == [8]
return true
