using System.Diagnostics;
using System.Runtime.InteropServices;

namespace DaprShop.Benchmarks;

/// <summary>
/// Sleeps until a <see cref="Stopwatch"/> timestamp without spinning. Thread.Sleep works in whole milliseconds and
/// wakes ~0.1 ms late on Linux: at 1,000 req/s that would send in bursts and add up to a millisecond of the
/// generator's own lateness to every latency. nanosleep wakes within tens of microseconds; spinning instead would
/// take a core from the processes being measured.
/// </summary>
public static class PreciseDelay
{
    private static readonly bool HasNanosleep = OperatingSystem.IsLinux() && Environment.Is64BitProcess;

    public static string Method => HasNanosleep ? "nanosleep" : "Thread.Sleep (whole milliseconds)";

    public static void Until(long timestamp)
    {
        while (true)
        {
            var remaining = timestamp - Stopwatch.GetTimestamp();
            if (remaining <= 0) return;
            if (HasNanosleep)
            {
                var nanoseconds = (long)(remaining * (1e9 / Stopwatch.Frequency));
                var duration = new Timespec(nanoseconds / 1_000_000_000, nanoseconds % 1_000_000_000);
                // An interrupted sleep returns early; the loop sleeps again for what is left.
                _ = Nanosleep(ref duration, IntPtr.Zero);
            }
            else
            {
                Thread.Sleep(TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, Stopwatch.GetElapsedTime(0, remaining).Ticks)));
            }
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct Timespec(long Seconds, long Nanoseconds);

    [DllImport("libc", EntryPoint = "nanosleep")]
    private static extern int Nanosleep(ref Timespec duration, IntPtr remaining);
}
