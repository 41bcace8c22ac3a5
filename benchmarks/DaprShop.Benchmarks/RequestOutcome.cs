namespace DaprShop.Benchmarks;

/// <summary>Sends one request of a workload and says whether it succeeded, the response body read to its end.</summary>
public static class RequestOutcome
{
    public static async Task<bool> SendAsync(HttpClient client, Workload workload, long sequence, CancellationToken cancellationToken)
    {
        try
        {
            using var request = workload.CreateRequest(sequence);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            return response.StatusCode == workload.ExpectedStatus;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient.Timeout elapsed.
            return false;
        }
    }
}
