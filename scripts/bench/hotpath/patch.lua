-- PATCH /api/v1/customers/{id} with If-Match. Arguments after "--": the ids file, how many ids
-- each thread owns (thread t takes lines t*per+1 .. (t+1)*per), the body template ({n} replaced).
--
-- No two requests in flight touch the same record, and each sends the ETag its record's last
-- answer carried: wrk does not say which connection a response belongs to, so a thread keeps its
-- records in a free list, takes one per request and puts it back, with the ETag of the answer,
-- when the answer (which names the record's id) comes back. With more ids per thread than
-- connections per thread, a connection always finds a free record: in effect each connection
-- patches its own record.
local c = dofile(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "common.lua")
setup = c.setup
done = c.done

local free = {}
local mine = {}
local etag = {}
local template
local counter = 0

function init(args)
  local ids = c.lines(args[1])
  local per = tonumber(args[2])
  local t = tid or 0
  for i = t * per + 1, (t + 1) * per do
    assert(ids[i], "not enough ids for every thread")
    free[#free + 1] = ids[i]
    mine[#mine + 1] = ids[i]
  end
  local f = assert(io.open(args[3], "r"))
  template = f:read("*a")
  f:close()
end

function request()
  local id = table.remove(free)
  if id == nil then
    -- Every record lost (answers that did not name it): reuse one; a 412 will show in the errors.
    id = mine[math.random(#mine)]
  end
  counter = counter + 1
  local h = c.headers()
  h["Content-Type"] = "application/merge-patch+json"
  if etag[id] then
    h["If-Match"] = etag[id]
  end
  local body = template:gsub("{n}", tostring(counter))
  return wrk.format("PATCH", "/api/v1/customers/" .. id, h, body)
end

function response(status, headers, body)
  local id = body:match('"id"%s*:%s*"([0-9a-f%-]+)"') or body:match("customers/([0-9a-f%-]+)")
  if id then
    local e = headers["ETag"] or headers["etag"] or headers["Etag"]
    etag[id] = (status == 200) and e or nil
    free[#free + 1] = id
  end
end
