-- wrk script for bench/stores.sh: every request is POST /v2/apps/<app>/config/ with
-- {"values":{"K<thread>":"<nonce>-<thread>-<counter>"}}, a value no earlier request set, so every
-- request changes the config (setting a key to the value it already has answers 409).
-- Arguments (after "--" on the wrk command line):
--   nonce        unique per wrk run, so values never repeat across runs on the same app
--   shared APP   every thread writes to APP
--   per-thread P thread n (1-based) writes to app P<n>; run with -tN -cN for one connection per thread
-- Authorization and Content-Type come from wrk -H.

local threads = 0

function setup(thread)
   threads = threads + 1
   thread:set("tid", threads)
end

function init(args)
   nonce = args[1] or "x"
   local mode, app = args[2], args[3]
   if mode == "per-thread" then
      app = app .. tid
   elseif mode ~= "shared" then
      error("config-change.lua: mode must be shared or per-thread, not " .. tostring(mode))
   end
   path = "/v2/apps/" .. app .. "/config/"
   prefix = '{"values":{"K' .. tid .. '":"' .. nonce .. "-" .. tid .. "-"
   counter = 0
end

function request()
   counter = counter + 1
   return wrk.format("POST", path, nil, prefix .. counter .. '"}}')
end
