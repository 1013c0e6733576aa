using Srdi.Application;
using Srdi.Application.Evaluation;
using Srdi.Application.Tiers;
using Srdi.Engine.Tiers;
using Srdi.Model.Vocabulary;

namespace Srdi.Web.Pages;

/// <summary>What the report partial (Shared/_Report.cshtml) lays out: the evaluation as a person
/// reads it, the tier assessment, and the catalog's wording for the codes they carry.</summary>
public sealed record ReportModel(EvaluationView View, Assessment? Assessment, PolicyNavigator Navigator)
{
    /// <summary>The facts the report lacks, asked as form fields that post back into the profile.</summary>
    public Profiles.ProfileFormModel? FollowUp { get; init; }

    /// <summary>A fact the tier assessment lacks, by its label.</summary>
    public string FactLabel(string fact) => ChineseText.Label(Navigator.Catalog.Vocabulary, fact);

    public string Level(CertificateLevel level) => Navigator.Wording.Level(level);

    /// <summary>The yearly schedules of the measures that apply, year by year (第1年…), one
    /// series per measure, for the timeline chart and the table beside it; null when none applies.</summary>
    public YearlySchedule? Schedule { get; } = YearlySchedule.Of(View);

    /// <summary>A measure's title for a person (its id only if the catalog lacks it).</summary>
    public string MeasureTitle(string id) => Navigator.FindMeasure(id)?.Title ?? id;
}

/// <summary>One measure's yearly amounts (yuan), year 1 first.</summary>
public sealed record ScheduleSeries(string Name, IReadOnlyList<decimal> Values);

/// <summary>The schedules of a report side by side: the years (第1年…第n年, counted from the
/// year support starts) and one series per measure.</summary>
public sealed record YearlySchedule(IReadOnlyList<string> Labels, IReadOnlyList<ScheduleSeries> Series)
{
    public static YearlySchedule? Of(EvaluationView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var series = view.Documents
            .SelectMany(d => d.Measures.Select(m => (Document: d.Document, m.Result)))
            .Where(x => x.Result.Status == Engine.Evaluation.MeasureStatus.Eligible && x.Result.ScheduleAmounts.Count > 0)
            .Select(x => new ScheduleSeries(x.Result.Measure.Title + (x.Document.IsDraft ? "（征求意见稿）" : ""), x.Result.ScheduleAmounts))
            .ToList();
        if (series.Count == 0) return null;
        var years = series.Max(s => s.Values.Count);
        var labels = Enumerable.Range(1, years).Select(y => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"第{y}年")).ToList();
        return new YearlySchedule(labels, series);
    }

    /// <summary>The amount of a series in a year (zero past its end).</summary>
    public static decimal At(ScheduleSeries series, int year) => year < series.Values.Count ? series.Values[year] : 0m;

    /// <summary>What the chart script reads: labels and series, amounts as numbers of yuan.</summary>
    public string Json() => System.Text.Json.JsonSerializer.Serialize(new
    {
        labels = Labels,
        series = Series.Select(s => new { name = s.Name, values = Labels.Select((_, i) => At(s, i)) }),
    });
}
