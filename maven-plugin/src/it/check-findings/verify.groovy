// check failed the build with the findings' count and the report's path, printed them Go style
// with a per-rule summary, and wrote SARIF and JSON with the same findings.
def log = new File(basedir, 'build.log').text
def sarif = new File(basedir, 'target/noescape/noescape.sarif')
def json = new File(basedir, 'target/noescape/noescape.json')
assert sarif.isFile() : 'no SARIF report'
assert json.isFile() : 'no JSON report'

def results = new groovy.json.JsonSlurper().parse(sarif).runs[0].results
def byRule = results.countBy { it.ruleId }
println "SARIF results by rule: ${byRule}"
assert byRule == [UnpresizedCollection: 1, BoxingAllocation: 1, StringConcatInLoop: 1]

assert log =~ /\[ERROR\] Failed to execute goal dev\.noescape:noescape-maven-plugin:[^ ]+:check .*noescape: 3 findings at or above warning \(failOn\): see target.noescape.noescape\.sarif/
assert log.contains('[WARNING] src/main/java/it/findings/Totals.java:9:')
assert log =~ /\[WARNING\] src\/main\/java\/it\/findings\/Totals\.java:11:\d+: .*\[BoxingAllocation\]/
assert log =~ /\[WARNING\] src\/main\/java\/it\/findings\/Totals\.java:20:\d+: .*\[StringConcatInLoop\]/
assert log.contains('noescape 0.1.0-SNAPSHOT: 3 findings (0 errors, 3 warnings, 0 info) in 1 file')
assert log =~ /\[INFO\]   BoxingAllocation +1/
// @SuppressWarnings("BoxingAllocation") holds: nothing from suppressed()
assert !log.contains('Totals.java:29:')
// SootUp's own log lines stay out of the build log
assert !log.contains('in the type hierarchy')
// no stack trace without -X/-e
assert !log.contains('\tat dev.noescape')

def j = new groovy.json.JsonSlurper().parse(json)
assert j.toString().contains('StringConcatInLoop')
return true
