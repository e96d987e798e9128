-- GET the URL given to wrk as is (lists, the deep page): the request is static, only done() added.
local c = dofile(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "common.lua")
done = c.done
