using System.Globalization;
using Marsad.Evaluation;

namespace Marsad.Tests.Evaluation;

public class PyCompatTests
{
    [Fact]
    public void RoundAndReprAgreeWithPython()
    {
        var rng = new Random(7);
        var values = new List<double>
        {
            0.0625, 0.1875, 0.0005, 0.0015, 2.675, 1.0 / 3, 2.0 / 3, 0.6, 0.5, 1.0, 0.9995, 0.0004999, 1e-5, 1.5e16, 123.456, 1e15,
            0.1 + 0.2, 7.0 / 45, 38.0 / 45, 2 * (7.0 / 45) * (38.0 / 45) / (7.0 / 45 + 38.0 / 45), 5e-324, 1e300, -0.0625, -2.5,
        };
        for (int i = 0; i < 300; i++)
        {
            int n = rng.Next(1, 2000);
            values.Add((double)rng.Next(0, n + 1) / n);
        }
        for (int i = 0; i < 100; i++)
            values.Add(rng.Next(0, 100000) / 8000.0); // many exact ties at the third decimal

        string list = string.Join(",", values.Select(v => $"float('{v.ToString("R", CultureInfo.InvariantCulture)}')"));
        var py = Shared.Python("-c", $"xs=[{list}]\nfor x in xs: print(repr(round(x, 3)), repr(x))")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(values.Count, py.Length);
        for (int i = 0; i < values.Count; i++)
        {
            string expected = py[i];
            string actual = PyCompat.FloatRepr(PyCompat.Round(values[i], 3)) + " " + PyCompat.FloatRepr(values[i]);
            Assert.True(expected == actual, $"{values[i]:R}: python '{expected}', C# '{actual}'");
        }
    }

    [Theory]
    [InlineData("Algerian authorities", "السلطات الجزائرية|Algerian authorities", true)]
    [InlineData("the Algerian army", "Algerian army", true)]
    [InlineData("«الجيش الجزائري»", "الجيش الجزائرى", true)]
    [InlineData("army", "Algerian army", true)]
    [InlineData("war", "civil war", false)]
    [InlineData("Algerian armys", "Algerian army", false)]
    [InlineData("ليبيا", "ليبيا،الجزائر", true)]
    [InlineData("", "", true)]
    [InlineData("x", "", false)]
    [InlineData("", "الجيش", false)]
    public void NamesMatchFollowsTheReferenceRules(string pred, string gold, bool expected)
    {
        var golds = gold.Length == 0 ? [] : gold.Split('|');
        Assert.Equal(expected, EventScorer.NamesMatch(pred, golds));
    }

    [Fact]
    public void NormNameMatchesPython()
    {
        string[] names = ["إِسْرائيل", "ΟΔΟΣ", "İstanbul", "القـــوات (الخاصة)", "Mosul, Nineveh"];
        string list = string.Join(",", names.Select(n => "'" + n + "'"));
        string script = "import importlib.util,sys\n" +
            $"spec=importlib.util.spec_from_file_location('score', {Quote(Shared.ScorePy)})\n" +
            "m=importlib.util.module_from_spec(spec); spec.loader.exec_module(m)\n" +
            $"for n in [{list}]: print(m.norm_name(n))";
        var py = Shared.Python("-c", script).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(names.Select(EventScorer.NormName), py);
    }

    private static string Quote(string s) => "'" + s.Replace("\\", "\\\\").Replace("'", "\\'") + "'";
}
