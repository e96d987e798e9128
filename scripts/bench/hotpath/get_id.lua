-- GET /api/v1/customers/{id}, the id a random line of the file given after "--".
local c = dofile(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "common.lua")
setup = c.setup
done = c.done

local ids

function init(args)
  ids = c.lines(args[1])
  math.randomseed(os.time() + (tid or 0) * 7919)
end

function request()
  return wrk.format("GET", "/api/v1/customers/" .. ids[math.random(#ids)])
end
