// 1. check passed: the three findings are in the committed baseline (format 1, as releases before
//    structured findings wrote it); the one entry whose code is gone is reported so the file can
//    be trimmed.
// 2. noescape:baseline wrote the current findings in format 2, without the stale entry: the same
//    findings, each key with its subject's kind and occurrence.
def log = new File(basedir, 'build.log').text
assert log.contains('noescape 0.1.0-SNAPSHOT: 0 findings')
assert log.contains('noescape: 3 findings in the baseline noescape-baseline.json not shown')
assert log.contains('[WARNING] noescape: baseline entry no longer occurs, remove it from noescape-baseline.json: BoxingAllocation:it.findings.Totals#removed(long[]):boxing long to Long')
assert !log.contains('[WARNING] src/main/java')
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/noescape/noescape.sarif'))
assert sarif.runs[0].results.size() == 0

def committed = new groovy.json.JsonSlurper().parse(new File(basedir, 'noescape-baseline.json'))
def rewritten = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/rewritten-baseline.json'))
assert log.contains('noescape: wrote target/rewritten-baseline.json with 3 findings (3 keys)')
assert committed.version == 1 && rewritten.version == 2
def keys = rewritten.entries.collect { it.key }
assert keys == ['BoxingAllocation:it.findings.Totals#squares(int[]):BOXING:boxing int to Integer:1',
                'StringConcatInLoop:it.findings.Totals#join(java.lang.String[]):STRING_CONCAT:string +=:1',
                'UnpresizedCollection:it.findings.Totals#squares(int[]):NEW_OBJECT:new ArrayList<>():1']
// format 2 to format 1: the same findings, less the one whose code is gone
assert keys.collect { it.replaceFirst(/:[A-Z_]+:/, ':').replaceFirst(/:\d+$/, '') } ==
    committed.entries.collect { it.key }.findAll { !it.contains('#removed(') }
assert keys.every { !(it =~ /:\d+:/) } : 'baseline keys carry no line numbers'
return true
