using Microsoft.Playwright;

namespace Marsad.Tests.Dashboard;

/// <summary>
/// Starts Debian's chromium through Playwright's driver (shipped in the NuGet package). No browser is ever
/// downloaded: a missing chromium is a failure with a message that says how to install it, never a skip.
/// </summary>
public static class BrowserLauncher
{
    /// <summary>The default executable; MARSAD_CHROMIUM names another.</summary>
    public const string DefaultChromium = "/usr/bin/chromium";

    public static string FindChromium(string? configured = null)
    {
        var path = configured ?? Environment.GetEnvironmentVariable("MARSAD_CHROMIUM");
        path = string.IsNullOrWhiteSpace(path) ? DefaultChromium : path;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"chromium not found at {path}: the dashboard's browser tests need it. Install Debian's package (apt-get install -y chromium; .ci/run does) or set MARSAD_CHROMIUM to a Chromium executable.");
        }
        return path;
    }

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync(string chromium)
    {
        // Belt and braces: nothing here installs browsers, and this keeps any install step from trying.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = chromium,
                Headless = true,
                // Root in a container has no user namespaces for the sandbox; /dev/shm is small there.
                Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=en-US"],
                Timeout = 60_000,
            });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }
}
