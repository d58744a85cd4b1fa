-- An administrator can make an account change its password at the next log-in (issue 19, item 9).
ALTER TABLE `accounts` ADD `must_change_password` integer DEFAULT false NOT NULL;