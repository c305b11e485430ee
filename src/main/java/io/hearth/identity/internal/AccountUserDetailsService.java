package io.hearth.identity.internal;

import io.hearth.identity.Usernames;
import java.time.Clock;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Finds the account by its username or its email address, both compared after the same normalisation. */
@Component
class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;
    private final EmailIndex emailIndex;
    private final Clock clock;

    AccountUserDetailsService(AccountRepository accounts, EmailIndex emailIndex, Clock clock) {
        this.accounts = accounts;
        this.emailIndex = emailIndex;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String typedName) {
        String key = Usernames.key(typedName);
        Account account = (key.contains("@") ? accounts.findByEmailIndex(emailIndex.of(key)) : accounts.findByUsernameKey(key))
                .orElseThrow(() -> new UsernameNotFoundException("unknown account"));
        return User.withUsername(account.username())
                .password(account.passwordHash())
                .disabled(!account.enabled())
                .accountLocked(account.lockedAt(clock.instant()))
                .authorities(account.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList())
                .build();
    }
}
