using System.Diagnostics;
using System.Text;

namespace Marsad.Tests;

/// <summary>A temporary folder deleted after the test, plus helpers to find the shared data and run the reference scorer.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "marsad-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name, string content, bool bom = false)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        return File(name, bom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes);
    }

    public string File(string name, byte[] content)
    {
        string path = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>A copy of the shipped lexicon folder (models included) under this folder, for tests that edit one.</summary>
    public string CopyLexicons(string name = "Lexicons")
    {
        var src = Marsad.Text.LexiconFiles.DefaultDirectory;
        var dst = System.IO.Path.Combine(Path, name);
        foreach (var file in Directory.EnumerateFiles(src, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(dst, System.IO.Path.GetRelativePath(src, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            System.IO.File.Copy(file, target);
        }
        return dst;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

internal static class Shared
{
    /// <summary>The folder holding Marsad.sln, found by walking up from the test binaries.</summary>
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "Marsad.sln")))
                dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Marsad.sln not found above the test binaries");
        }
    }

    /// <summary>../shared beside the repository root (never copied into the repository).</summary>
    public static string Dir => System.IO.Path.GetFullPath(System.IO.Path.Combine(RepoRoot, "..", "shared"));

    public static string PathOf(params string[] parts) => System.IO.Path.Combine([Dir, .. parts]);

    public static string ScorePy => PathOf("eval", "score.py");

    /// <summary>Runs python3 with the arguments and returns its standard output; fails the test on a non-zero exit.</summary>
    public static string Python(params string[] args)
    {
        var psi = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        psi.Environment["PYTHONIOENCODING"] = "utf-8";
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"python3 {string.Join(' ', args)} failed: {stderr.Result}");
        return stdout;
    }
}
