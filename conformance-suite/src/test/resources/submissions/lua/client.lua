-- A HelloInternet client in Lua with LuaSocket: socket.connect tries every address HOST resolves to.
local socket = require("socket")

if #arg ~= 2 then
  io.stderr:write("usage: client.lua HOST PORT\n")
  os.exit(2)
end
local host = arg[1]:gsub("^%[(.*)%]$", "%1")
local conn, err = socket.connect(host, tonumber(arg[2]))
if not conn then
  io.stderr:write("client: cannot connect to " .. host .. " port " .. arg[2] .. ": " .. err .. "\n")
  os.exit(1)
end
conn:settimeout(10)
conn:send("Hello in Lua\n")
local reply, rerr, partial = conn:receive("*l") -- up to LF (dropped); CR dropped too
conn:close()
reply = reply or partial
if not reply or reply == "" then
  io.stderr:write("client: no reply: " .. tostring(rerr) .. "\n")
  os.exit(1)
end
print(reply)
