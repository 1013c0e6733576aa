using Srdi.Application;
using Srdi.Application.Profiles;
using Srdi.Model.Profiles;
using Srdi.Web.Pages.Profiles;

namespace Srdi.Web.Pages.Enterprises;

/// <summary>The guided profile form as the enterprise pages use it (new record, new version):
/// the basics, then only the facts the measures of the enterprise's area read, with the answers
/// read back into a profile that the records store.</summary>
public sealed class GuidedProfile(PolicyNavigator navigator, ProfileReader profiles, ProfileQuestionnaire questionnaire, TimeProvider clock)
{
    public const string Prefix = "profile";

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>The questions for a profile's area and certificates, as of today.</summary>
    public Questionnaire QuestionsFor(EnterpriseProfile profile) => questionnaire.For(profile, Today);

    public Dictionary<string, string> AnswersOf(EnterpriseProfile profile, Questionnaire questions) =>
        ProfileFormModel.AnswersOf(navigator, profile, questions);

    public ProfileFormModel Form(IReadOnlyDictionary<string, string> answers, Questionnaire? questions, string action, string submit,
        IReadOnlyDictionary<string, string>? problems = null, IReadOnlyDictionary<string, string>? hidden = null) =>
        ProfileFormModel.Create(navigator, Prefix, action, submit, answers, showBasics: true, questions) with
        {
            Problems = problems ?? new Dictionary<string, string>(),
            Hidden = hidden ?? new Dictionary<string, string>(),
        };

    /// <summary>The posted answers as a profile and the JSON to store, or the problems by field.</summary>
    public (EnterpriseProfile? Profile, string? Json, Dictionary<string, string> Answers, Dictionary<string, string> Problems) Read(IDictionary<string, string?> posted)
    {
        var answers = posted.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!, StringComparer.Ordinal);
        var reading = ProfileAnswers.ToProfileJson(posted.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal), navigator.Catalog.Vocabulary);
        var problems = reading.Problems.ToDictionary(p => p.Key, p => p.Message, StringComparer.Ordinal);
        if (problems.Count > 0) return (null, null, answers, problems);
        try
        {
            var profile = profiles.Read(reading.Profile);
            return (profile, ProfileJson.Serialize(profile, navigator.Catalog.Vocabulary), answers, problems);
        }
        catch (ProfileException e)
        {
            problems[ProfileFormModel.General] = $"{e.Path}：{e.Reason}";
            return (null, null, answers, problems);
        }
    }

    /// <summary>The questions for the basics as posted (empty when the basics themselves fail).</summary>
    public Questionnaire? QuestionsForPosted(IDictionary<string, string?> posted)
    {
        var reading = ProfileAnswers.ToProfileJson(posted.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal), navigator.Catalog.Vocabulary);
        reading.Profile.Remove("facts");
        try
        {
            return QuestionsFor(profiles.Read(reading.Profile));
        }
        catch (ProfileException)
        {
            return null;
        }
    }
}
