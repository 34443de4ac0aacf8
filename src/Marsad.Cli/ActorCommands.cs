using System.CommandLine;
using Marsad.Entities;

namespace Marsad.Cli;

/// <summary><c>marsad actors import</c>: turns a PETRARCH actor dictionary into a Marsad actors file.</summary>
public static class ActorCommands
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var petrarch = new Option<string>("--petrarch") { Description = "A PETRARCH-format actor dictionary (phrase_with_underscores [CODE]).", Required = true };
        var output = new Option<string>("--out") { Description = "The actors file to write; name it actors-NAME.tsv inside a lexicon folder to use it.", Required = true };
        var import = new Command("import", "Import actors from a PETRARCH dictionary into Marsad's actors.tsv format.");
        import.Options.Add(petrarch);
        import.Options.Add(output);
        import.SetAction(r => Import(r.GetValue(petrarch)!, r.GetValue(output)!, stdout, stderr));
        var cmd = new Command("actors", "Manage the actor dictionary.");
        cmd.Subcommands.Add(import);
        return cmd;
    }

    public static int Import(string path, string output, TextWriter stdout, TextWriter stderr)
    {
        if (!File.Exists(path))
        {
            stderr.WriteLine($"marsad: {path}: no such file");
            return 2;
        }
        int problems = 0;
        var actors = PetrarchImporter.Read(path, message => { problems++; stderr.WriteLine("marsad: " + message); });
        if (actors.Count == 0)
        {
            stderr.WriteLine($"marsad: {path}: no actors read");
            return 1;
        }
        // Written next to the target and renamed, so a failed import never leaves half a file in a lexicon folder.
        var temp = output + ".tmp";
        int written;
        using (var writer = new StreamWriter(temp))
            written = PetrarchImporter.WriteTsv(actors, path, writer);
        File.Move(temp, output, overwrite: true);
        stdout.WriteLine($"imported {written} actors from {path} into {output} ({actors.Count - written} role words or repeats left out, {problems} lines skipped)");
        return 0;
    }
}
