-- wrk script: POST /forecast with the JSON body from the BODY environment variable.
wrk.method = "POST"
wrk.path = "/forecast"
wrk.body = os.getenv("BODY")
wrk.headers["Content-Type"] = "application/json"

local failures = 0
response = function(status, headers, body)
  if status ~= 200 then
    failures = failures + 1
  end
end
