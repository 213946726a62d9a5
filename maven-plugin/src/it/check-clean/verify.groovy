// check passed on a project without findings; it still wrote both reports, empty.
def log = new File(basedir, 'build.log').text
assert log.contains('noescape 0.1.0-SNAPSHOT: 0 findings')
assert !log.contains('[WARNING] src/main/java')
def sarif = new File(basedir, 'target/noescape/noescape.sarif')
def json = new File(basedir, 'target/noescape/noescape.json')
assert sarif.isFile() && json.isFile()
def s = new groovy.json.JsonSlurper().parse(sarif)
assert s.version == '2.1.0'
assert s.runs[0].results.size() == 0
def j = new groovy.json.JsonSlurper().parse(json)
assert j != null
return true
