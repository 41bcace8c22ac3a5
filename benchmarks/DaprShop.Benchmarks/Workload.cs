using System.Net;

namespace DaprShop.Benchmarks;

/// <summary>
/// What one run sends: a request per sequence number (0, 1, 2, … in send order) and the status that counts as success.
/// Any other status, or no response, is an error and is kept out of the latency figures.
/// </summary>
public sealed record Workload(string Name, Func<long, HttpRequestMessage> CreateRequest, HttpStatusCode ExpectedStatus);
