using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Srdi.Application.Evaluation;
using Srdi.Engine;
using Srdi.Engine.Evaluation;
using Srdi.Engine.Tiers;

namespace Srdi.Application.Tiers;

/// <summary>Writes a tier assessment, with its upgrade value, as JSON (schema srdi.assessment/1,
/// docs/assessment-json.md).</summary>
public static class AssessmentJson
{
    public const string Schema = "srdi.assessment/1";

    public static string Write(AssessmentReport report, UpgradeValue? upgrade)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            JsonParts.Header(w, Schema, report.Profile, report.At);
            w.WriteStartObject("ruleset");
            w.WriteString("id", report.Ruleset.Id);
            w.WriteString("title", report.Ruleset.Title);
            w.WriteBoolean("superseded", report.Superseded);
            w.WriteString("superseded_note", report.Superseded ? report.Ruleset.SupersededNote : null);
            w.WriteEndObject();
            w.WriteStartObject("size");
            w.WriteString("industry", report.Size.Industry);
            w.WriteString("class", report.Size.Class);
            w.WriteString("is_sme", Words.Outcome(report.Size.IsSme));
            w.WriteString("basis", report.Size.Basis);
            Strings(w, "missing", report.Size.Missing);
            w.WriteEndObject();
            w.WriteStartArray("tiers");
            foreach (var t in report.Tiers) WriteTier(w, t);
            w.WriteEndArray();
            if (upgrade is null) w.WriteNull("upgrade");
            else WriteUpgrade(w, upgrade);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteTier(Utf8JsonWriter w, TierResult t)
    {
        w.WriteStartObject();
        w.WriteString("certificate", t.Tier.Certificate);
        w.WriteString("name", t.Tier.Name);
        w.WriteString("verdict", Words.Verdict(t.Verdict));
        w.WriteBoolean("holds", t.Holds);
        w.WriteString("route", t.Route);
        w.WriteStartArray("conditions");
        foreach (var c in t.Conditions) WriteCriterion(w, c);
        w.WriteEndArray();
        w.WriteStartArray("direct");
        foreach (var c in t.Direct) WriteCriterion(w, c);
        w.WriteEndArray();
        if (t.Score is { } s)
        {
            w.WriteStartObject("score");
            w.WriteNumber("points", s.Points);
            w.WriteNumber("undecided", s.Undecided);
            if (s.PassMark is { } pm) w.WriteNumber("pass_mark", pm); else w.WriteNull("pass_mark");
            w.WriteString("passed", Words.Outcome(s.Passed));
            w.WriteStartArray("groups");
            foreach (var g in s.Groups)
            {
                w.WriteStartObject();
                w.WriteString("id", g.Group.Id);
                w.WriteNumber("points", g.Points);
                w.WriteNumber("max", g.Group.Max);
                w.WriteNumber("minimum", g.Group.Minimum);
                w.WriteNumber("undecided", g.Undecided);
                w.WriteString("minimum_met", Words.Outcome(g.MinimumMet));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("indicators");
            foreach (var i in s.Indicators)
            {
                w.WriteStartObject();
                w.WriteString("id", i.Indicator.Id);
                w.WriteString("group", i.Indicator.Group);
                w.WriteString("label", i.Indicator.Label);
                w.WriteNumber("max", i.Indicator.Max);
                if (i.Points is { } p) w.WriteNumber("points", p); else w.WriteNull("points");
                w.WriteString("band", i.Band);
                w.WriteString("value", i.Value);
                w.WriteString("next_step", i.NextStep);
                Strings(w, "missing", i.Missing);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("score");
        }
        Strings(w, "gaps", t.Gaps);
        Strings(w, "missing", t.Missing);
        w.WriteEndObject();
    }

    private static void WriteCriterion(Utf8JsonWriter w, CriterionResult c)
    {
        w.WriteStartObject();
        w.WriteString("id", c.Criterion.Id);
        w.WriteString("group", c.Criterion.Group);
        w.WriteString("label", c.Criterion.Label);
        w.WriteString("outcome", Words.Outcome(c.Outcome));
        w.WriteString("seen", c.Seen);
        w.WriteString("gap", c.Gap);
        w.WriteString("note", c.Criterion.Note);
        w.WriteStartArray("children");
        foreach (var child in c.Children) WriteCriterion(w, child);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    internal static void WriteUpgrade(Utf8JsonWriter w, UpgradeValue u)
    {
        w.WriteStartObject("upgrade");
        w.WriteString("next_tier", u.NextTier.Certificate);
        w.WriteString("next_tier_name", u.NextTier.Name);
        w.WriteString("certificate_level", u.Added.Level.ToString().ToLowerInvariant());
        w.WriteString("issued_on", u.Added.IssuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        JsonParts.Totals(w, "in_force_difference", u.InForceDifference);
        JsonParts.Totals(w, "draft_difference", u.DraftDifference);
        w.WriteStartArray("documents");
        foreach (var d in u.Documents)
        {
            w.WriteStartObject();
            w.WriteString("document_id", d.Document.Id);
            w.WriteBoolean("draft", d.Document.IsDraft);
            JsonParts.Totals(w, "before", d.Before);
            JsonParts.Totals(w, "after", d.After);
            JsonParts.Totals(w, "difference", d.Difference);
            w.WriteStartArray("opened");
            foreach (var m in d.Opened)
            {
                w.WriteStartObject();
                w.WriteString("measure_id", m.Measure.Id);
                w.WriteString("title", m.Measure.Title);
                w.WriteString("kind", Words.Kind(m.Kind));
                w.WriteNumber("exact", m.Exact);
                w.WriteNumber("up_to", m.UpTo);
                w.WriteNumber("scheduled", m.ScheduleTotal);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            Strings(w, "in_kind_opened", d.InKindOpened);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }


    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

}
