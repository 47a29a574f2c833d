-- GET /api/auth/verify with a credential given in the AUTH_HEADER / AUTH_VALUE environment variables
local name = os.getenv("AUTH_HEADER")
local value = os.getenv("AUTH_VALUE")
wrk.method = "GET"
wrk.headers[name] = value
request = function()
  return wrk.format(nil, "/api/auth/verify")
end
