package io.kadi.kit.inbox;

import io.kadi.kit.janitor.Janitor;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Deletes inbox ids processed longer than the retention ago. */
public final class InboxJanitor extends Janitor {

  private final JdbcClient jdbc;
  private final InboxProperties properties;

  public InboxJanitor(JdbcClient jdbc, InboxProperties properties) {
    super("inbox ids", properties.purgeInterval());
    this.jdbc = jdbc;
    this.properties = properties;
  }

  @Override
  protected int deleteBatch(int max) {
    return jdbc.sql("""
            delete from inbox where ctid in (
              select ctid from inbox where processed_at < now() - make_interval(secs => ?) limit ?)""")
        .params(properties.retention().toSeconds(), max)
        .update();
  }
}
