// The tests ran under JDK Flight Recorder and check ranked its findings by the recording: the boxing
// of every sample, the heaviest, comes first with its measurement; the reports carry the measurements.
def log = new File(basedir, 'build.log').text
assert new File(basedir, 'target/tests-1.jfr').isFile() : 'the tests wrote no recording'
assert log =~ /\[INFO\] noescape: profile: .* sampled in .*tests-1\.jfr, .* of the sampled program bytes are explained by a finding or verdict/

def findings = log.readLines().findAll { it =~ /^\[WARNING\] src\/main\/java\/it\/profile\/Batch\.java:/ }
println "findings as logged: ${findings.join('\n')}"
assert findings.size() == 2
assert findings[0] =~ /Batch\.java:13:\d+: .*\[BoxingAllocation\] \(measured: .*, [\d.]+ % of the sampled program bytes\)$/
assert findings[1].contains('[UnpresizedCollection]')

def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/noescape/noescape.sarif'))
def boxing = sarif.runs[0].results.find { it.ruleId == 'BoxingAllocation' }
assert boxing.rank > 50.0 : "rank: ${boxing.rank}"
assert boxing.properties['noescape/measuredBytes'] > 0
assert sarif.runs[0].properties['noescape/profile'].programBytes > 0

def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/noescape/noescape.json'))
assert json.profile.sites[0].line == 13
assert json.profile.sites[0].findings*.rule == ['BoxingAllocation']
return true
