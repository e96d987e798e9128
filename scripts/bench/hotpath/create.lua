-- POST /api/v1/customers: the body template of the file given after "--" with {n} replaced by a
-- number unique to this run, thread and request, and a unique Idempotency-Key per request.
local c = dofile(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "common.lua")
setup = c.setup
done = c.done

local template
local run = string.format("%08d", os.time() % 100000000)
local counter = 0

function init(args)
  local f = assert(io.open(args[1], "r"))
  template = f:read("*a")
  f:close()
end

function request()
  counter = counter + 1
  local n = run .. (tid or 0) .. string.format("%07d", counter)
  local h = c.headers()
  h["Content-Type"] = "application/json"
  h["Idempotency-Key"] = "wrk-" .. n
  local body = template:gsub("{n}", n)
  return wrk.format("POST", "/api/v1/customers", h, body)
end
