using System.Globalization;
using Microsoft.AspNetCore.Identity;

namespace Srdi.Web.Accounts;

/// <summary>Identity's refusals in Chinese: an administrator creating a user, or a person
/// changing a password, reads these.</summary>
public sealed class ChineseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "操作未能完成，请重试");
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "账户已被他人修改，请刷新后重试");
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "密码不正确");
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "令牌无效");
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), $"登录名“{userName}”无效：只能使用字母、数字和 - . _ @");
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), $"登录名“{userName}”已被使用");
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), $"邮箱“{email}”无效");
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), $"邮箱“{email}”已被使用");
    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), $"角色“{role}”无效");
    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), $"角色“{role}”已存在");
    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), "该账户已设置密码");
    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "该账户未启用锁定");
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), "该账户已有此角色");
    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), "该账户没有此角色");
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), string.Create(CultureInfo.InvariantCulture, $"密码至少 {length} 个字符"));
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), string.Create(CultureInfo.InvariantCulture, $"密码至少包含 {uniqueChars} 个不同的字符"));
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "密码须包含至少一个符号");
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "密码须包含至少一个数字");
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "密码须包含至少一个小写字母");
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "密码须包含至少一个大写字母");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
