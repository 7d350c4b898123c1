// The benchmark's HTTP server, in its own process so it does not share the client's event loop.
// Answers every request with the JSON body given on the command line (base64), like a fast API.
import { createServer } from "node:http";

const body = Buffer.from(process.argv[2] ?? "e30=", "base64");
const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => res.writeHead(200, { "content-type": "application/json", "content-length": body.length }).end(body));
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => process.send?.({ port: server.address().port }));
process.on("disconnect", () => process.exit(0));
