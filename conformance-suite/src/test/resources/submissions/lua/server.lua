-- A HelloInternet server in Lua with LuaSocket: one event loop (socket.select) for every connection.
local socket = require("socket")

local HELLO = "^Hello in [^%s%c]+$"

local function isHello(line)
  return line:match(HELLO) ~= nil and #line <= 9 + 64 * 4
end

local port = tonumber(arg[1] or "")
if #arg ~= 1 or not port or port % 1 ~= 0 or port < 1 or port > 65535 then
  io.stderr:write("usage: server.lua PORT\n")
  os.exit(2)
end
local server = socket.tcp6()                -- IPv6 and IPv4: "::" with v6only off
server:setoption("ipv6-v6only", false)
server:setoption("reuseaddr", true)
local ok, err = server:bind("::", port)
if ok then ok, err = server:listen(64) end
if not ok then
  io.stderr:write("server: cannot listen on port " .. port .. ": " .. err .. "\n")
  os.exit(1)
end
server:settimeout(0)
io.stderr:write("listening on port " .. port .. "\n")

local clients = {} -- socket -> { buf = bytes so far, last = time of the last byte }

local function finish(conn, reply)
  if reply then conn:send(reply) end
  conn:close()
  clients[conn] = nil
end

local function answer(conn, line)
  if isHello(line) then
    io.stdout:write(line, "\n")
    io.stdout:flush()
    finish(conn, "Goodbye in Lua\n")
  else
    finish(conn, 'Error: expected "Hello in <language>", got "' .. line:sub(1, 100) .. '"\n')
  end
end

local function stripCr(s) return (s:gsub("\r$", "")) end

local function receive(conn, c)
  local data, err, partial = conn:receive(4096)
  data = data or partial or ""
  c.buf = c.buf .. data
  if #data > 0 then c.last = socket.gettime() end
  while clients[conn] do
    local line, rest = c.buf:match("^(.-)\n(.*)$")
    if not line then break end
    c.buf = rest
    line = stripCr(line)
    if #line > 0 then answer(conn, line) end -- empty lines are ignored
  end
  if not clients[conn] then return end
  if #c.buf > 1024 then
    finish(conn, "Error: line longer than 1024 bytes\n")
  elseif err == "closed" then -- the client closed (or half-closed) its side
    if #stripCr(c.buf) > 0 then answer(conn, stripCr(c.buf)) else finish(conn) end
  elseif err and err ~= "timeout" then -- reset...
    finish(conn)
  end
end

while true do
  local watch = { server }
  for conn in pairs(clients) do watch[#watch + 1] = conn end
  local readable = socket.select(watch, nil, 0.1)
  for _, s in ipairs(readable) do
    if s == server then
      local conn = server:accept()
      if conn then
        conn:settimeout(0)
        clients[conn] = { buf = "", last = socket.gettime() }
      end
    elseif clients[s] then
      receive(s, clients[s])
    end
  end
  local now = socket.gettime()
  for conn, c in pairs(clients) do -- the quiet period: a complete hello without LF?
    if now - c.last > 0.3 and isHello(stripCr(c.buf)) then
      answer(conn, stripCr(c.buf))
    elseif now - c.last > 30 then -- silent for 30 s: give up
      finish(conn)
    end
  end
end
