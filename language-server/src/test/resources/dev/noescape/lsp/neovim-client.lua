-- Neovim's built-in LSP client (0.7 or newer) in headless mode: starts the server, opens one file,
-- waits for its diagnostics and writes them, one per line, as `line:col code message` (0-based).
-- Everything comes from the environment: NOESCAPE_JAVA, NOESCAPE_JAR, NOESCAPE_ROOT, NOESCAPE_FILE,
-- NOESCAPE_SETTINGS (JSON), NOESCAPE_OUT, NOESCAPE_WAIT_MS.
local env = vim.env
local client_id = vim.lsp.start_client({
  name = 'noescape',
  cmd = { env.NOESCAPE_JAVA, '-jar', env.NOESCAPE_JAR },
  root_dir = env.NOESCAPE_ROOT,
  init_options = vim.fn.json_decode(env.NOESCAPE_SETTINGS),
})
if client_id == nil then
  vim.fn.writefile({ 'ERROR: the client did not start' }, env.NOESCAPE_OUT)
  vim.cmd('qa!')
end
vim.cmd('edit ' .. vim.fn.fnameescape(env.NOESCAPE_FILE))
local buf = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(buf, client_id)
local got = vim.wait(tonumber(env.NOESCAPE_WAIT_MS), function()
  return #vim.diagnostic.get(buf) > 0
end, 100)
local lines = {}
if not got then
  table.insert(lines, 'ERROR: no diagnostics')
end
for _, d in ipairs(vim.diagnostic.get(buf)) do
  -- Neovim 0.7 keeps the LSP diagnostic's code in user_data.lsp; later versions also in d.code.
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or '?'
  local message = string.gsub(d.message, '\n', ' ')
  table.insert(lines, string.format('%d:%d %s %s', d.lnum, d.col, code, message))
end
vim.fn.writefile(lines, env.NOESCAPE_OUT)
vim.lsp.stop_client(client_id)
vim.wait(5000, function() return vim.lsp.client_is_stopped(client_id) end, 100)
vim.cmd('qa!')
