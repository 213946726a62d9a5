// Starts the noescape language server for Java files and forwards the "noescape" settings to it.
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function settings() {
  const c = vscode.workspace.getConfiguration('noescape');
  return {
    showVerdicts: c.get('showVerdicts'),
    docsBaseUrl: c.get('docsBaseUrl'),
    debounceMillis: c.get('debounceMillis'),
    maven: { executable: c.get('maven.executable'), args: c.get('maven.args') },
  };
}

async function activate(context) {
  const c = vscode.workspace.getConfiguration('noescape');
  const jar = c.get('serverJar');
  if (!jar) {
    vscode.window.showWarningMessage('noescape: set noescape.serverJar to the path of noescape-lsp.jar');
    return;
  }
  client = new LanguageClient('noescape', 'noescape',
    { command: c.get('java'), args: ['-jar', jar] },
    {
      documentSelector: [{ scheme: 'file', language: 'java' }, { scheme: 'untitled', language: 'java' }],
      initializationOptions: settings(),
      synchronize: { configurationSection: 'noescape' },
    });
  for (const command of ['noescape.toggleVerdicts', 'noescape.reloadProjects']) {
    context.subscriptions.push(vscode.commands.registerCommand(command,
      () => client.sendRequest('workspace/executeCommand', { command, arguments: [] })));
  }
  await client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
