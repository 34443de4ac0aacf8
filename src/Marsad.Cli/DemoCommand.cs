namespace Marsad.Cli;

/// <summary>Placeholder for the demo verb; the real one lives on another branch and replaces this file at merge.</summary>
public static class DemoCommand
{
    public static int Run(string? dbPath, TextWriter output)
    {
        output.WriteLine("demo: not available in this build");
        return 0;
    }
}
