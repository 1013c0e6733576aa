using System.Globalization;
using System.Text.Json;
using Srdi.Engine.Evaluation;
using Srdi.Model.Profiles;

namespace Srdi.Application.Evaluation;

/// <summary>Pieces every JSON result of the product writes the same way.</summary>
internal static class JsonParts
{
    /// <summary>The opening of a result: its schema, the enterprise and the date.</summary>
    public static void Header(Utf8JsonWriter w, string schema, EnterpriseProfile profile, DateOnly at)
    {
        w.WriteString("schema", schema);
        w.WriteStartObject("enterprise");
        w.WriteString("id", profile.Id);
        w.WriteString("name", profile.Name);
        w.WriteEndObject();
        w.WriteString("at", at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    public static void Totals(Utf8JsonWriter w, string name, Totals t)
    {
        w.WriteStartObject(name);
        w.WriteNumber("exact", t.Exact);
        w.WriteNumber("up_to", t.UpTo);
        w.WriteNumber("scheduled", t.Scheduled);
        w.WriteEndObject();
    }
}
