// mvn site rendered the noescape page: the summary by rule, the hottest findings, and every finding
// with its source snippet; the standalone HTML report, SARIF and JSON were written too.
def page = new File(basedir, 'target/site/noescape.html')
assert page.isFile() : 'no target/site/noescape.html'
def html = page.text
assert html.contains('Findings by rule')
assert html.contains('Hottest findings')
assert html.contains('All findings')
assert html.contains('BoxingAllocation') && html.contains('UnpresizedCollection') && html.contains('StringConcatInLoop')
assert html.contains('src/main/java/it/findings/Totals.java:11:15')
// the snippet of the boxing finding, its line marked
assert html.contains('&gt;   11 | out.add(x * x);') || html.contains('&gt;   11 |       out.add(x * x);')
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/noescape/noescape.sarif'))
assert sarif.runs[0].results.size() == 3
assert new File(basedir, 'target/noescape/noescape.json').isFile()
assert new File(basedir, 'target/noescape/index.html').text.contains('StringConcatInLoop')
return true
