-- POST /api/auth/register with a new email every time
local counter = 0
local thread_id = 0
init = function(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
  thread_id = math.random(1, 1000000000)
end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  counter = counter + 1
  local body = string.format('{"email":"new-%d-%d@example.com","password":"correct horse battery staple"}', thread_id, counter)
  return wrk.format(nil, "/api/auth/register", nil, body)
end
