-- POST the JSON body of the file given after "--" (the GraphQL query) to the URL given to wrk.
local c = dofile(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "common.lua")
done = c.done

function init(args)
  local f = assert(io.open(args[1], "r"))
  wrk.method = "POST"
  wrk.body = f:read("*a")
  f:close()
  wrk.headers["Content-Type"] = "application/json"
end
