-- Fields the requirement documents name but whose words were lost ("电话"): the customer's 财务 is
-- a finance-department phone (财务电话), kept with the bank details; a contact has an
-- instant-messaging id (WeChat / QQ) and an age that may be known without a birthday.
ALTER TABLE customers ADD COLUMN finance_phone varchar(40);
ALTER TABLE contacts ADD COLUMN im_id varchar(100);
-- The age as told, and the day it was told: the age shown grows from there.
ALTER TABLE contacts ADD COLUMN age integer CHECK (age BETWEEN 0 AND 150);
ALTER TABLE contacts ADD COLUMN age_as_of date;
ALTER TABLE contacts ADD CONSTRAINT contacts_age_as_of CHECK ((age IS NULL) = (age_as_of IS NULL));
