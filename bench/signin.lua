-- POST /api/auth/sign-in over the seeded users (bench-<n>@example.com); PASSWORD picks right or wrong
local users = tonumber(os.getenv("USERS") or "50")
local password = os.getenv("PASSWORD")
local counter = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  counter = counter + 1
  local body = string.format('{"email":"bench-%d@example.com","password":"%s"}', counter % users, password)
  return wrk.format(nil, "/api/auth/sign-in", nil, body)
end
